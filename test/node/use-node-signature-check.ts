// vitest setup file of the `auth-node` project: runs the whole auth suite again through the `node` entry,
// so every security case also holds with the native signature check installed.
import '../../src/node/auth.js';
