import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'

/**
 * Login with the county's Keycloak: OIDC authorization code + PKCE (S256) on the public client
 * szcg-web. Tokens live in this tab's sessionStorage only (never localStorage, never a URL: the
 * code in the callback address is exchanged and the address replaced at once); they are renewed
 * silently with the refresh token before they expire; logout ends the Keycloak session
 * (end_session_endpoint with id_token_hint) and clears the tab's store.
 */
export interface BrowserConfig {
  oidcAuthority: string
  oidcClientId: string
  /** the 地图's optional online base layer (szcg.console.base-layer.*); absent: offline only */
  baseLayer?: { url: string; type: 'tianditu' | 'gaode'; attribution?: string } | null
}

let manager: UserManager | null = null

export async function loadConfig(): Promise<BrowserConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' })
  if (!res.ok) throw new Error(`/config.json: ${res.status}`)
  return res.json()
}

export function initAuth(cfg: BrowserConfig): UserManager {
  const origin = window.location.origin
  const store = new WebStorageStateStore({ store: window.sessionStorage })
  manager = new UserManager({
    authority: cfg.oidcAuthority,
    client_id: cfg.oidcClientId,
    redirect_uri: `${origin}/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    userStore: store,
    stateStore: store,
    // renew with the refresh token (no iframe) a minute before the access token ends
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    monitorSession: false,
    loadUserInfo: false,
  })
  // an access token that ended without a renewal is dropped from the store at once
  manager.events.addAccessTokenExpired(async () => {
    await manager?.removeUser()
  })
  void manager.clearStaleState()
  return manager
}

export function auth(): UserManager {
  if (!manager) throw new Error('auth not initialised')
  return manager
}

/** The signed-in person of this tab, or null (an expired one counts as none). */
export async function currentUser(): Promise<User | null> {
  const user = await auth().getUser()
  if (!user) return null
  if (user.expired) {
    try {
      return await auth().signinSilent()
    } catch {
      await auth().removeUser()
      return null
    }
  }
  return user
}

export async function login(returnTo: string): Promise<void> {
  await auth().signinRedirect({ state: { returnTo } })
}

/** Finishes the code exchange on /callback; returns where the person wanted to go. */
export async function completeLogin(): Promise<string> {
  const user = await auth().signinRedirectCallback()
  const state = user.state as { returnTo?: string } | undefined
  const to = state?.returnTo
  return to && to.startsWith('/') && !to.startsWith('//') ? to : '/'
}

export async function logout(): Promise<void> {
  await auth().signoutRedirect()
}
