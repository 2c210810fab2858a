import { registeredStops } from './global-setup';

/** Stops what global-setup.ts started, last first (jest `globalTeardown`). */
export default async function globalTeardown(): Promise<void> {
  const stops = registeredStops();
  for (const stop of stops.splice(0).reverse()) await stop();
}
