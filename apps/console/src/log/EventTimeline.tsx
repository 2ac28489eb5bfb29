import { useFormat } from '../i18n/format';
import type { Touchpoint } from './log-filters';
import { StatusBadge } from './StatusBadge';

/** The touchpoint's status trail in order: scheduled, sending, sent, delivered… or where it failed. */
export function EventTimeline({ events }: { events: Touchpoint['events'] }) {
  const format = useFormat();
  return (
    <ol className="event-timeline">
      {events.map((event, i) => (
        <li
          key={`${event.status}-${i}`}
          className={`event-timeline__item event-timeline__item--${event.status}`}
        >
          <StatusBadge status={event.status} />
          <time dateTime={event.at}>{format.dateTime(event.at)}</time>
        </li>
      ))}
    </ol>
  );
}
