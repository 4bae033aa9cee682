import { createRouter, createWebHistory } from 'vue-router'
import { currentUser, login } from './auth'
import { mayOpen, menuFor, type Screen } from './lib/roles'
import { useSession } from './stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** the screen whose roles may open this route; absent: public (the login callback) */
    screen?: Screen
    /** a phone app's screen (城管通 …): its own layout, not the desktop shell */
    mobile?: boolean
    /** opens without a session (offline: the device's queue); sending waits for a login */
    offline?: boolean
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/callback', name: 'callback', component: () => import('./views/CallbackView.vue') },
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { screen: 'home' } },
    { path: '/intake', name: 'intake', component: () => import('./views/IntakeQueue.vue'), meta: { screen: 'intake' } },
    { path: '/dispatch', name: 'dispatch', component: () => import('./views/DispatchDesk.vue'), meta: { screen: 'dispatch' } },
    { path: '/supervision', name: 'supervision', component: () => import('./views/SupervisionView.vue'), meta: { screen: 'supervision' } },
    { path: '/assessment', name: 'assessment', component: () => import('./views/AssessmentView.vue'), meta: { screen: 'assessment' } },
    { path: '/map', name: 'map', component: () => import('./views/MapView.vue'), meta: { screen: 'map' } },
    { path: '/cases/:id', name: 'case', component: () => import('./views/CaseView.vue'), meta: { screen: 'case' } },
    // 处置通, the unit's terminal (phone and desktop)
    { path: '/u', name: 'unit', component: () => import('./views/UnitInbox.vue'), meta: { screen: 'unit' } },
    { path: '/u/cases/:id', name: 'unit-case', component: () => import('./views/UnitCase.vue'), meta: { screen: 'unitCase' } },
    // 城管通, the collector's phone app (src/mobile, docs/console.md "城管通 collector app")
    {
      path: '/m',
      component: () => import('./mobile/MobileShell.vue'),
      meta: { screen: 'collector', mobile: true, offline: true },
      children: [
        { path: '', redirect: '/m/queue' },
        { path: 'queue', name: 'm-queue', component: () => import('./mobile/QueueView.vue') },
        { path: 'report', name: 'm-report', component: () => import('./mobile/ReportForm.vue') },
        { path: 'tasks', name: 'm-tasks', component: () => import('./mobile/TasksView.vue') },
        { path: 'tasks/:kind/:id', name: 'm-task', component: () => import('./mobile/TaskView.vue') },
        { path: 'reports', name: 'm-reports', component: () => import('./mobile/MyReports.vue') },
        { path: 'shift', name: 'm-shift', component: () => import('./mobile/ShiftView.vue') },
      ],
    },
    { path: '/forbidden', name: 'forbidden', component: () => import('./views/ForbiddenView.vue'), meta: { screen: 'home' } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})

// Every screen needs a signed-in person whose roles may open it; a forced address of a screen
// the person may not use shows the refusal (the services refuse the calls anyway).
router.beforeEach(async (to) => {
  if (!to.meta.screen) return true
  const user = await currentUser()
  // a phone app opened with no network opens on the device's queue; it logs in once online
  if (!user && to.meta.offline && !navigator.onLine) return true
  if (!user) {
    await login(to.fullPath)
    return false
  }
  const session = useSession()
  session.fromUser(user)
  if (!mayOpen(to.meta.screen, session.roles)) {
    return { name: 'forbidden', query: { screen: to.meta.screen } }
  }
  // 处置通: a unit's people have one screen — the app's root opens their inbox
  if (to.name === 'home' && menuFor(session.roles).join() === 'home,unit') return { name: 'unit' }
  return true
})
