/** Notifications: each account reads and settles its own (the query filters by the account); visitors and the command line have none. */
export const notificationPolicy = {
  own: (actor: { kind: string }) => actor.kind === 'account',
};
