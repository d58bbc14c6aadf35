import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { sessionOf, storedSession, storeToken, type Session } from './session';

interface SessionState {
  session?: Session;
  signIn: (token: string) => void;
  signOut: () => void;
}

const SessionContext = createContext<SessionState>({ signIn: () => {}, signOut: () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(storedSession);
  const signIn = useCallback((token: string) => {
    storeToken(token);
    setSession(sessionOf(token));
  }, []);
  const signOut = useCallback(() => {
    storeToken(undefined);
    setSession(undefined);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
