export const STATUS_COLOR: Record<string, string> = {
  DRAFT: 'gray',
  OPEN: 'blue',
  SCHEDULED: 'violet',
  PUBLISHED: 'teal',
  LIVE: 'orange',
  CLOSED: 'gray',
};
