import type { Translator } from '../../platform/i18n.js';
import { offsetLabel, timeZones } from '../../platform/time-zone.js';
import { SelectField } from './form-controls.js';

let options: { value: string; label: string }[] | undefined;

// The list is the runtime's own zones; each shows its offset today, so "UTC+8" is findable too.
function zoneOptions(): { value: string; label: string }[] {
  if (!options) {
    const now = new Date();
    options = timeZones()
      .sort()
      .map((zone) => ({ value: zone, label: `${zone.replaceAll('_', ' ')} (${offsetLabel(now, zone)})` }));
  }
  return options;
}

/** The newsroom's time zone, in the site settings form. */
export function TimeZoneFieldset(props: { t: Translator; value: string; error?: string | undefined }) {
  const { t } = props;
  return (
    <fieldset>
      <legend>{t('settings.timeZone')}</legend>
      <SelectField
        name="timeZone"
        label={t('settings.field.timeZone')}
        hint={t('settings.field.timeZoneHint')}
        value={props.value}
        options={zoneOptions()}
        error={props.error}
      />
    </fieldset>
  );
}
