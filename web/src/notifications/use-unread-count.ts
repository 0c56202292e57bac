import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { notificationsApi } from '../api/notifications.ts';

/** How often the header asks again while the page stays open; every navigation asks at once as well. */
const POLL_MS = 60_000;
const UNREAD_CHANGED = 'liandong:unread-changed';

/** The signed-in user's unread notification count, refreshed on navigation, on `unread-changed` and every minute. */
export function useUnreadCount(): number {
  const [count, setCount] = useState(0);
  const location = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger: every navigation asks again.
  useEffect(() => {
    let current = true;
    const load = () =>
      notificationsApi.unreadCount().then(
        (answer) => current && setCount(answer.unreadCount),
        // The badge is a hint: when it cannot load, the header keeps the last count rather than showing an error.
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    window.addEventListener(UNREAD_CHANGED, load);
    return () => {
      current = false;
      window.clearInterval(timer);
      window.removeEventListener(UNREAD_CHANGED, load);
    };
  }, [location.pathname]);

  return count;
}

/** The notifications page calls this after marking read, so the header's badge follows without a reload. */
export function announceUnreadChanged(): void {
  window.dispatchEvent(new Event(UNREAD_CHANGED));
}
