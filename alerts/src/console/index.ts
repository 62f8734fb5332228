export { type ConsoleConfig, parseConsoleConfig, type XPostingConfig } from './console-config';
export { CONSOLE_ACTION_ROLES, permissionsOf } from './console-permissions';
export { type ConsoleUser, type ConsoleUsers, loadConsoleUsers, parseConsoleUsers } from './console-users';
export { type Console, type ConsoleDeps, createConsole } from './create-console';
export { ensureLocalConsoleUsers, type LocalConsoleCredentials } from './local-console-users';
export { hashPassword, verifyPassword } from './password-hash';
export { createXPoster, type XPoster } from './x-poster';
