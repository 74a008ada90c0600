import { useTranslation } from 'react-i18next';
import { useVenueNames, type Target } from './target-api';

/** A target's name: year, metric and scope (the venue's name for venue targets). */
export function useTargetTitle() {
  const { t, i18n } = useTranslation('overview');
  const venues = useVenueNames();
  return (target: Target) => {
    const venue = target.venueId ? venues.data?.get(target.venueId) : undefined;
    const scope = venue ? (i18n.language === 'en' ? venue.nameEn : venue.nameZh) : t(`scope.${target.scope}`);
    return t('targetTitle', { year: target.year, metric: t(`metric.${target.metric}`), scope });
  };
}
