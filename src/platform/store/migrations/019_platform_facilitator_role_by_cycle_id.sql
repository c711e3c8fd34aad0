-- A facilitator's role names its cycle by id: a draft's slug follows its title, an id never
-- changes, so a renamed cycle keeps its facilitators without rewriting their roles.
UPDATE user_roles SET scope = (SELECT CAST(c.id AS TEXT) FROM cycles c WHERE c.slug = user_roles.scope)
WHERE role = 'facilitator' AND EXISTS (SELECT 1 FROM cycles c WHERE c.slug = user_roles.scope);
-- Roles left over from a cycle that no longer exists grant nothing.
DELETE FROM user_roles
WHERE role = 'facilitator' AND scope <> '' AND NOT EXISTS (SELECT 1 FROM cycles c WHERE CAST(c.id AS TEXT) = user_roles.scope);
