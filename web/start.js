// Starts the app (a separate file: the Content-Security-Policy allows no inline script).
import init from "./app.js";
init();
