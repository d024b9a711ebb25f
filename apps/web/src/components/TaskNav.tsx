import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';

/** The tasks of an area (an event, an actor, the admin) as links: each one is its own page. */
export function TaskNav({
  label,
  items,
}: {
  label: string;
  items: { to: string; label: string; current: boolean }[];
}) {
  return (
    <Group component="nav" aria-label={label} gap={4} mb="md" wrap="wrap">
      {items.map((item) => (
        <Button
          key={item.to}
          component={Link}
          to={item.to}
          size="sm"
          variant={item.current ? 'filled' : 'default'}
          aria-current={item.current ? 'page' : undefined}
        >
          {item.label}
        </Button>
      ))}
    </Group>
  );
}
