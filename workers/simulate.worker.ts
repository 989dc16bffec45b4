/** Browser worker entry: the simulate API over comlink. */
import * as Comlink from 'comlink';
import { createSimulateApi } from './simulate.api.ts';

Comlink.expose(createSimulateApi());
