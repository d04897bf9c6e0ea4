// Starts the app on index.html: loads the WebAssembly package, whose start
// function mounts the app on #fundsim-app. A file of its own (not an inline
// script) so that the page runs under `script-src 'self'` (README, "Content
// Security Policy").
import init from '../pkg/fundsim.js';

init();
