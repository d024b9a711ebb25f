import { Outlet } from 'react-router';

/** Placeholder while the page is written. */
export default function Page() {
  return <Outlet />;
}
