-- Event tickets: who came (one check-in per registration, so replaying a queued check-in
-- from a phone that was offline changes nothing) and who sat in which workshop.
CREATE TABLE event_checkins (
  registration_id BIGINT PRIMARY KEY REFERENCES event_registrations(id) ON DELETE CASCADE,
  checked_in_at BIGINT NOT NULL,
  checked_in_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);

CREATE TABLE event_workshop_attendance (
  registration_id BIGINT NOT NULL REFERENCES event_registrations(id) ON DELETE CASCADE,
  item_id BIGINT NOT NULL REFERENCES event_items(id) ON DELETE CASCADE,
  marked_at BIGINT NOT NULL,
  PRIMARY KEY (registration_id, item_id)
);
