// Every report page loads this first: its strings and its chart colours.
import { registerNamespace } from '../i18n/i18n';
import { reportsLocales } from './reports.locales';
import './reports.css';

registerNamespace('reports', reportsLocales);
