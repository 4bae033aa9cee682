import { defineStore } from 'pinia'
import type { User } from 'oidc-client-ts'
import { menuFor, rolesOfToken, type Screen } from '../lib/roles'

/** The signed-in person: name and roles (from the access token); no token is kept here. */
export const useSession = defineStore('session', {
  state: () => ({ name: '', username: '', roles: [] as string[], unitId: '' as string }),
  getters: {
    menu: (s): Screen[] => menuFor(s.roles),
    signedIn: (s) => s.username !== '',
  },
  actions: {
    fromUser(user: User | null) {
      if (!user) {
        this.$reset()
        return
      }
      const p = user.profile as Record<string, unknown>
      this.username = String(p.preferred_username ?? '')
      this.name = String(p.name ?? p.preferred_username ?? '')
      this.unitId = String(p.unit_id ?? '')
      this.roles = rolesOfToken(user.access_token)
    },
  },
})
