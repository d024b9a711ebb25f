import { Navigate } from 'react-router';
import { canOrganise, useSession } from '../auth/session';

/** `/`: organisers land on their events, actor editors on their actor. */
export default function HomePage() {
  const { user } = useSession();
  if (canOrganise(user)) return <Navigate to="/events" replace />;
  if (user?.actorIds.length) return <Navigate to={`/actors/${user.actorIds[0]}`} replace />;
  return <Navigate to="/actors" replace />;
}
