import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';

/** Each page is its own chunk, loaded when its route is first visited: the first load carries the
 * shell only (budget: ≤ 300 KB of compressed JavaScript, see apps/web/README.md). */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const routes: RouteObject[] = [
  { path: '/sign-in', lazy: page(() => import('./pages/auth/SignInPage')) },
  { path: '/invitation/:token', lazy: page(() => import('./pages/auth/InvitationPage')) },
  // The room's projector: no navigation, no controls (signed-in organiser's browser).
  { path: '/screen/:eventId', lazy: page(() => import('./pages/events/BigScreenPage')) },
  {
    element: <AppLayout />,
    children: [
      { index: true, lazy: page(() => import('./pages/HomePage')) },
      { path: 'events', lazy: page(() => import('./pages/events/EventsListPage')) },
      { path: 'events/new', lazy: page(() => import('./pages/events/EventCreatePage')) },
      {
        path: 'events/:eventId',
        lazy: page(() => import('./pages/events/EventLayout')),
        children: [
          { index: true, lazy: page(() => import('./pages/events/EventOverviewPage')) },
          { path: 'participants', lazy: page(() => import('./pages/events/ParticipantsPage')) },
          { path: 'what-if', lazy: page(() => import('./pages/events/WhatIfPage')) },
          { path: 'review', lazy: page(() => import('./pages/events/ReviewPage')) },
          { path: 'print', lazy: page(() => import('./pages/events/PrintPage')) },
          { path: 'check-in', lazy: page(() => import('./pages/events/CheckInPage')) },
          { path: 'wishes', lazy: page(() => import('./pages/events/WishStatsPage')) },
        ],
      },
      { path: 'actors', lazy: page(() => import('./pages/actors/ActorsListPage')) },
      { path: 'actors/:actorId/events/:eventId', lazy: page(() => import('./pages/actors/ActorEventPage')) },
      { path: 'lab/outcomes', lazy: page(() => import('./pages/admin/OutcomeLearningPage')) },
      {
        path: 'actors/:actorId',
        lazy: page(() => import('./pages/actors/ActorLayout')),
        children: [
          { index: true, lazy: page(() => import('./pages/actors/ActorProfilePage')) },
          { path: 'partners', lazy: page(() => import('./pages/actors/PartnersPage')) },
          { path: 'local-causes', lazy: page(() => import('./pages/actors/LocalCausesPage')) },
          { path: 'triads', lazy: page(() => import('./pages/actors/TriadsPage')) },
          { path: 'events', lazy: page(() => import('./pages/actors/ActorEventsPage')) },
        ],
      },
      {
        path: 'admin',
        lazy: page(() => import('./pages/admin/AdminLayout')),
        children: [
          { index: true, lazy: page(() => import('./pages/admin/UsersPage')) },
          { path: 'keys', lazy: page(() => import('./pages/admin/ApiKeysPage')) },
          { path: 'import', lazy: page(() => import('./pages/admin/ImportPage')) },
          { path: 'scoring', lazy: page(() => import('./pages/admin/ScoringPage')) },
        ],
      },
      { path: '*', lazy: page(() => import('./pages/NotFoundPage')) },
    ],
  },
];
