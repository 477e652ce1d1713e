import { Tag } from '@codegouvfr/react-dsfr/Tag';

/** A record's tags (stage, place, label…), as a DSFR tag group. */
export function Tags({ tags }: { tags: string[] }) {
  return (
    <ul className="fr-tags-group">
      {tags.map((t) => (
        <li key={t}>
          <Tag small>{t}</Tag>
        </li>
      ))}
    </ul>
  );
}
