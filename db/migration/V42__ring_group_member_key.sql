-- ring_group_member gets a primary key: (ring_group_id, extension_id), an extension is a member of a
-- group once (the application refuses a member twice). Not (ring_group_id, position): when members
-- are reordered, the persistence provider rewrites the ordered list row by row, and a position is
-- not guaranteed unique between two of those statements, while a member row's extension never
-- changes (RingGroupPagesIT reorders every member at once). The positions stay indexed for the
-- ordered reads.
--
-- Rows the application never writes (the same extension twice in a group) are cleared first, the
-- first position kept, and the positions are renumbered from 0 without gaps.
DELETE dup FROM ring_group_member dup
    JOIN ring_group_member kept
      ON kept.ring_group_id = dup.ring_group_id
     AND kept.extension_id = dup.extension_id
     AND kept.position < dup.position;

UPDATE ring_group_member m
    JOIN (SELECT ring_group_id, extension_id,
                 ROW_NUMBER() OVER (PARTITION BY ring_group_id ORDER BY position) - 1 AS renumbered
            FROM ring_group_member) r
      ON r.ring_group_id = m.ring_group_id AND r.extension_id = m.extension_id
     SET m.position = r.renumbered;

ALTER TABLE ring_group_member ADD PRIMARY KEY (ring_group_id, extension_id);
