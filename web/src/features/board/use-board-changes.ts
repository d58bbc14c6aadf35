import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSession } from '../../app/session-context';
import type { BoardFilterInput } from '../../graphql/generated/graphql';
import { subscribe } from '../../graphql/subscriptions';
import { BoardChangedSubscription } from './board.graphql';

/**
 * Live board: every card boardChanged pushes makes the board read again (counts and weighted amounts are
 * the server's to compute) and is marked as just changed. Off while the board shows a past instant.
 */
export function useBoardChanges(filter: BoardFilterInput, enabled: boolean): { live: boolean; changed?: string } {
  const { session } = useSession();
  const queries = useQueryClient();
  const [live, setLive] = useState(false);
  const [changed, setChanged] = useState<string>();
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!enabled || !session) return;
    setLive(true);
    const stop = subscribe(
      session.token,
      BoardChangedSubscription,
      { filter },
      ({ boardChanged }) => {
        setChanged(boardChanged.projectId);
        void queries.invalidateQueries({ queryKey: ['board'] });
      },
      () => setLive(false),
    );
    return () => {
      stop();
      setLive(false);
    };
    // the filter is compared by value
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled, session, queries]);
  return { live: live && enabled, changed };
}
