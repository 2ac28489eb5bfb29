/** A row of headline figures: label above, the number large. */
export function Figures({ items }: { items: { key: string; label: string; value: string }[] }) {
  return (
    <dl className="figures">
      {items.map((item) => (
        <div key={item.key} className="figures__item">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
