-- Selection of applicants in mode "sur candidature". A round is the set of such
-- cycles sharing one registration deadline; people apply to one or more of them.
--   choice_rank: the rank the person gives this cycle in the round (0 = first choice);
--   priority_override: points set by an organiser instead of the size-class default;
--   selection_pin / selection_excluded: the organiser's adjustments before confirming.
ALTER TABLE registrations ADD COLUMN choice_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN priority_override INTEGER;
ALTER TABLE registrations ADD COLUMN selection_pin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN selection_excluded INTEGER NOT NULL DEFAULT 0;

-- Balance minimums of a cycle (NULL: a third of the capacity each).
ALTER TABLE cycles ADD COLUMN min_elus INTEGER;
ALTER TABLE cycles ADD COLUMN min_agents INTEGER;
