/**
 * The campaign lifecycle, as data: `draft -> scheduled -> active -> completed`, and any state but
 * completed (or cancelled) `-> cancelled`. Pure: no Nest, no database.
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'active', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_ACTIONS = ['schedule', 'activate', 'complete', 'cancel'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export const CAMPAIGN_TRANSITIONS: Record<CampaignAction, { from: CampaignStatus[]; to: CampaignStatus }> = {
  schedule: { from: ['draft'], to: 'scheduled' },
  activate: { from: ['scheduled'], to: 'active' },
  complete: { from: ['active'], to: 'completed' },
  cancel: { from: ['draft', 'scheduled', 'active'], to: 'cancelled' },
};

/** States in which the campaign's plan can still be edited. */
export const EDITABLE_CAMPAIGN_STATUSES: CampaignStatus[] = ['draft', 'scheduled', 'active'];

export const CAMPAIGN_CHANNELS = [
  'media',
  'overseas',
  'festival',
  'sports_event',
  'regional',
  'online',
  'influencer',
  'high_speed_rail',
  'new_media_partnership',
  'travel_agency',
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/** What each channel stands for in the source document (中文 first). */
export const CHANNEL_LABELS: Record<CampaignChannel, string> = {
  media: '媒体营销 (major TV/network platforms, full-media matrix)',
  overseas: '境外招商 (overseas promotion)',
  festival: '节会营销 (festival marketing)',
  sports_event: '赛事营销 (sports-event marketing)',
  regional: '省内游、周边游 (in-province and nearby tours)',
  online: '网络营销 (online marketing)',
  influencer: '网红营销 (influencer marketing)',
  high_speed_rail: '高铁营销 (high-speed-rail marketing)',
  new_media_partnership: '新媒体平台战略合作 (new-media platform partnerships)',
  travel_agency: '引进知名旅行社 (bringing in well-known travel agencies)',
};
