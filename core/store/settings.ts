// The settings in force: archive.json's `settings`, each value checked and defaulted (a hand edit never breaks the archive).
import { Settings } from '../model.ts';
import type { RegistryStore } from './registry-file.ts';

export function settingsOf(registry: RegistryStore): Settings {
  return Settings.parse(registry.data.settings);
}
