import { COUNTY_TILES } from './county-grid';

export interface FeedFilter {
  category: string;
  topic: string;
  county: string;
}

export const EMPTY_FILTER: FeedFilter = { category: '', topic: '', county: '' };

const CATEGORIES = ['outage_complaint', 'other_complaint', 'not_complaint', 'official'];
const TOPICS = ['token_purchase', 'power_outage'];
const COUNTIES = COUNTY_TILES.map((tile) => tile.name).sort();

/** The feed's query string for a filter (`GET /v1/mentions`). */
export function feedQuery(filter: FeedFilter, sort: 'newest' | 'reach', limit: number): string {
  const params = new URLSearchParams({ sort, limit: String(limit) });
  if (filter.category) params.set('category', filter.category);
  if (filter.topic) params.set('topic', filter.topic);
  if (filter.county) params.set('county', filter.county);
  return params.toString();
}

export function MentionFilters({
  filter,
  onChange,
}: {
  filter: FeedFilter;
  onChange(filter: FeedFilter): void;
}) {
  return (
    <fieldset className="filters">
      <legend>Filter mentions</legend>
      <label>
        Category
        <select value={filter.category} onChange={(e) => onChange({ ...filter, category: e.target.value })}>
          <option value="">any</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {category.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Topic
        <select value={filter.topic} onChange={(e) => onChange({ ...filter, topic: e.target.value })}>
          <option value="">any</option>
          {TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {topic.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        County
        <select value={filter.county} onChange={(e) => onChange({ ...filter, county: e.target.value })}>
          <option value="">any</option>
          {COUNTIES.map((county) => (
            <option key={county} value={county}>
              {county}
            </option>
          ))}
        </select>
      </label>
      {(filter.category || filter.topic || filter.county) && (
        <button type="button" onClick={() => onChange(EMPTY_FILTER)}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
