import { readFileSync } from 'node:fs'

/**
 * The page-side half of the stand-in, as one init script: the real built preload runs with a sandboxed
 * preload's limited `require` (electron's contextBridge and ipcRenderer, events, timers, url), its
 * ipcRenderer carried to the main process through Playwright bindings. The permission and window-open
 * hooks model Chromium asking Electron's session and webContents handlers.
 */
export function sandboxedPreloadScript(preloadPath: string): string {
  const preloadSource = readFileSync(preloadPath, 'utf8')
  return `(() => {
  // Electron runs the preload in the main frame only (nodeIntegrationInSubFrames is off).
  if (window !== window.top) return
  const listeners = new Map()
  const call = (name, ...args) => window[name](...args)
  window.__standInDeliver = (channel, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, payload)
  }
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const reply = await call('__standInInvoke', channel, args)
      if (reply && 'error' in reply) throw new Error("Error invoking remote method '" + channel + "': Error: " + reply.error)
      return reply.value
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return ipcRenderer
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    },
    off(channel, listener) {
      return ipcRenderer.removeListener(channel, listener)
    },
  }
  // contextBridge hands the page a frozen copy: functions stay callable, nothing can be replaced.
  const copyForPage = (value) => {
    if (typeof value === 'function') return (...args) => value(...args)
    if (value === null || typeof value !== 'object') return value
    const copy = Array.isArray(value) ? [] : {}
    for (const key of Object.keys(value)) copy[key] = copyForPage(value[key])
    return Object.freeze(copy)
  }
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: copyForPage(api), writable: false, configurable: false, enumerable: true })
    },
  }
  const allowed = { electron: { contextBridge, ipcRenderer }, timers: { setTimeout, clearTimeout, setInterval, clearInterval }, url: { URL, URLSearchParams } }
  const sandboxRequire = (name) => {
    if (name in allowed) return allowed[name]
    throw new Error("module not found: " + name)
  }
  const clipboard = navigator.clipboard
  if (clipboard) {
    const writeText = clipboard.writeText.bind(clipboard)
    const readText = clipboard.readText.bind(clipboard)
    const guarded = (permission, action) => async (...args) => {
      const granted = await call('__standInPermission', permission)
      if (!granted) throw new DOMException('The ' + permission + ' permission was refused.', 'NotAllowedError')
      return action(...args)
    }
    Object.defineProperty(clipboard, 'writeText', { value: guarded('clipboard-sanitized-write', writeText) })
    Object.defineProperty(clipboard, 'readText', { value: guarded('clipboard-read', readText) })
  }
  window.open = (url) => {
    void call('__standInWindowOpen', String(url ?? ''))
    return null
  }
  document.addEventListener('click', (event) => {
    const anchor = event.target instanceof Element ? event.target.closest('a[target="_blank"]') : null
    if (!anchor) return
    event.preventDefault()
    void call('__standInWindowOpen', anchor.href)
  }, true)
  const module = { exports: {} }
  ;(function (require, module, exports) {
${preloadSource}
  }).call(module.exports, sandboxRequire, module, module.exports)
})()`
}
