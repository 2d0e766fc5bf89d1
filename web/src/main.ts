// Entry point: styles and the app. The state lives in state/store.ts; app.ts derives the graph, sigma's
// reducers, the panels and the URL from it.
import './styles.css';
import { startApp } from './app.ts';

void startApp();
