-- Events with a programme (Journées des Territoires, Rencontres nationales): days of
-- plenary items and slots of parallel workshops, speakers, registrations with one
-- workshop choice per slot. The database itself guarantees:
--   one active registration per person and event (event_registrations_one_per_person);
--   no event seat given twice (event_registrations_seat), no workshop seat given twice
--   (event_choices_seat): a seat is a number in 1..capacity chosen under the event's lock;
--   one choice per slot and registration (event_choices_one_per_slot);
--   a choice names a workshop of that very slot (the (item_id, slot_id) foreign key).
CREATE TABLE events (
  id {{pk}},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('journees', 'seminaire', 'rencontre', 'webinaire')),
  summary TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  venue TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  online_policy TEXT NOT NULL DEFAULT '',
  pmr_access TEXT NOT NULL DEFAULT '',
  meals TEXT NOT NULL DEFAULT '',
  organisers TEXT NOT NULL DEFAULT '',
  contacts TEXT NOT NULL DEFAULT '',  -- as published, e-mails written "name [at] domain"
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  published INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX events_starts ON events (published, starts_at);

-- A day's title and introduction ("Rencontre des territoires"); day is its Paris date.
CREATE TABLE event_days (
  id {{pk}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  title TEXT NOT NULL,
  introduction TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX event_days_one_per_date ON event_days (event_id, day);

-- A slot of parallel workshops: a person chooses one of its workshops, or none yet.
CREATE TABLE event_slots (
  id {{pk}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX event_slots_event ON event_slots (event_id, starts_at);

-- An item of the programme: plenary (slot_id NULL) or a workshop of a slot.
-- capacity NULL: no limit.
CREATE TABLE event_items (
  id {{pk}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  slot_id BIGINT REFERENCES event_slots(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('plenary', 'workshop', 'round_table', 'witnesses', 'talk', 'break', 'meal')),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  room TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,
  ends_at BIGINT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  position INTEGER NOT NULL DEFAULT 0,
  CHECK ((kind = 'workshop') = (slot_id IS NOT NULL))
);
CREATE UNIQUE INDEX event_items_in_slot ON event_items (id, slot_id);
CREATE INDEX event_items_event ON event_items (event_id, starts_at, position);

-- Speakers have a card, not a page: name, function, organisation.
CREATE TABLE event_speakers (
  id {{pk}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  full_name TEXT NOT NULL,
  function_title TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT ''
);
CREATE TABLE event_item_speakers (
  item_id BIGINT NOT NULL REFERENCES event_items(id) ON DELETE CASCADE,
  speaker_id BIGINT NOT NULL REFERENCES event_speakers(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('speaker', 'moderator', 'witness', 'introduction')),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, speaker_id)
);

-- Registrations: not only collectivités (associations, State services, consultants,
-- researchers come too), so the organisation is free text with a kind; the
-- collectivité, when there is one, comes from the referential.
CREATE TABLE event_registrations (
  id {{pk}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation TEXT NOT NULL,
  organisation_kind TEXT NOT NULL CHECK (organisation_kind IN ('collectivite', 'association', 'etat', 'consultant', 'recherche', 'autre')),
  collectivite_id TEXT REFERENCES collectivites(id),
  function_title TEXT NOT NULL,
  attendance TEXT NOT NULL CHECK (attendance IN ('in_person', 'online')),
  meals TEXT NOT NULL DEFAULT '',
  accessibility TEXT NOT NULL DEFAULT '',
  public_listing INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
  seat INTEGER CHECK (seat IS NULL OR seat >= 1),
  arrival BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX event_registrations_one_per_person ON event_registrations (event_id, user_id)
  WHERE status IN ('confirmed', 'waiting');
CREATE UNIQUE INDEX event_registrations_seat ON event_registrations (event_id, seat);
CREATE INDEX event_registrations_queue ON event_registrations (event_id, status, arrival);

-- One workshop per slot and registration. status: held (seat taken), waiting (in the
-- workshop's queue, by arrival), wish (the registration itself waits for the event).
CREATE TABLE event_choices (
  id {{pk}},
  registration_id BIGINT NOT NULL REFERENCES event_registrations(id) ON DELETE CASCADE,
  slot_id BIGINT NOT NULL,
  item_id BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('held', 'waiting', 'wish')),
  seat INTEGER CHECK (seat IS NULL OR seat >= 1),
  arrival BIGINT NOT NULL,
  FOREIGN KEY (item_id, slot_id) REFERENCES event_items(id, slot_id) ON DELETE CASCADE,
  CHECK ((status = 'held') = (seat IS NOT NULL))
);
CREATE UNIQUE INDEX event_choices_one_per_slot ON event_choices (registration_id, slot_id);
CREATE UNIQUE INDEX event_choices_seat ON event_choices (item_id, seat);
CREATE INDEX event_choices_queue ON event_choices (item_id, status, arrival);
