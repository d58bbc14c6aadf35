import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session-context';

/** Screens behind sign-in: without a live token, to /sign-in and back here afterwards. */
export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}
