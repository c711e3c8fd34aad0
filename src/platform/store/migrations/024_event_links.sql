-- Documents organisers publish after an event (slides, a summary), as links: a title and
-- an address, shown on the event's page under "Documents".
CREATE TABLE event_links (
  id {{pk}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX event_links_event ON event_links (event_id, id);
