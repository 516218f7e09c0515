// What the rating endpoints answer (docs/api.md, "Ratings").

export interface RatingLevel {
  key: string;
  label: string;
  satisfied: boolean;
}

export interface RatingView {
  dossierCode: string | null;
  procedureCode: string;
  procedureName: string;
  agencyName: string;
  canRate: boolean;
  levels: RatingLevel[];
  rating: {
    level: string;
    levelLabel: string;
    comment: string | null;
    channel: 'portal' | 'counter' | 'link';
    ratedAt: string;
    updatedAt: string;
    changeableUntil: string | null;
  } | null;
}

export interface RatingInput {
  level: string;
  comment?: string;
}
