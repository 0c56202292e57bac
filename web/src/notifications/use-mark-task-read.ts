import { useEffect } from 'react';
import { notificationsApi } from '../api/notifications.ts';
import { announceUnreadChanged } from './use-unread-count.ts';

/**
 * Once the task is on the screen, what told the user about it or its reports is read: they are looking at it.
 * Only after the task has loaded, so a task the user may not open marks nothing.
 */
export function useMarkTaskRead(taskId: string | undefined): void {
  useEffect(() => {
    if (!taskId) return;
    notificationsApi.markTaskRead(taskId).then(
      (answer) => {
        if (answer.marked > 0) announceUnreadChanged();
      },
      // The badge is a hint: a failure here leaves the notifications unread, which the inbox can still fix.
      () => undefined,
    );
  }, [taskId]);
}
