import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from './i18n'
import { initAuth, loadConfig } from './auth'
import { router } from './router'
import { useSession } from './stores/session'
import { registerShell } from './pwa'

async function start() {
  const cfg = await loadConfig()
  const manager = initAuth(cfg)
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia).use(i18n).use(ElementPlus).use(router)
  // a silent renewal brings new roles (and a new token) into the session
  manager.events.addUserLoaded((user) => useSession(pinia).fromUser(user))
  manager.events.addUserUnloaded(() => useSession(pinia).fromUser(null))
  // the phone apps' offline shell, once one of their screens is open (src/pwa.ts)
  router.afterEach((to) => void registerShell(to.path))
  app.mount('#app')
}

start().catch((e) => {
  document.getElementById('app')!.textContent = `控制台无法启动 / the console cannot start: ${e}`
})
