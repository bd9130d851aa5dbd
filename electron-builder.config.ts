import type { Configuration } from 'electron-builder'

// `npm run dist` (scripts/dist.mjs) builds the installers from this file; electron-builder-config.test.ts checks it.
// Signing and notarisation come only from the environment (CSC_LINK, APPLE_API_KEY, …: see README "Installers"),
// so nothing secret lives here and an unsigned build still works where they are absent.
export const updateFeedUrl = 'https://updates.veridox.ai/case-monitor'

const config: Configuration = {
  appId: 'ai.veridox.case-monitor',
  productName: 'Case Monitor',
  copyright: 'Copyright © Veridox',
  directories: { output: 'dist' },
  // The app reads, relative to out/main: ../renderer, ../preload and ../../resources (window, tray and
  // notification icons through nativeImage, which reads inside the asar). The CLI bundle and sources stay out.
  files: ['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', 'resources/**/*', 'package.json', '!**/*.map'],
  asar: true,
  // Nothing is unpacked: every file the main process reads goes through Electron's asar-aware loaders.
  asarUnpack: [],
  // No native modules: nothing to rebuild for Electron (and @electron/rebuild itself wants Node 22).
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // Left as Electron ships it: the renderer is loaded from file:// and its module scripts need those privileges.
    // grantFileProtocolExtraPrivileges
  },
  publish: { provider: 'generic', url: updateFeedUrl },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.business',
    icon: 'resources/icon.icns',
    hardenedRuntime: true,
    // Notarised when APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID are set.
    notarize: true,
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: { target: ['nsis'], icon: 'resources/icon.ico' },
  nsis: {
    artifactName: '${productName}-Setup-${version}.${ext}',
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons',
    category: 'Office',
    executableName: 'case-monitor',
    maintainer: 'Veridox <support@veridox.ai>',
    synopsis: 'Watch many Veridox document-analysis cases at once',
  },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  deb: { artifactName: 'case-monitor_${version}_${arch}.${ext}' },
}

export default config
