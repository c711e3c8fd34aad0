#pragma once
// Who is around the table: the Fabrique's "4 fantastiques" (élu, agent, État territorial,
// acteur socio-économique, seed 004), the roles of the schéma actantiel and the stances an
// actor may take. Stored names are the enum names below; labels are French.
#include <optional>
#include <string>
#include <vector>

namespace ateliers::projects {

enum class ActorCategory { elu, agent, etat_territorial, acteur_socio_economique, habitant, autre };
enum class Actant { none, destinateur, sujet, objet, quete, adjuvant, opposant, destinataire };
enum class Stance { soutien, neutre, reserve, oppose };
enum class LinkKind { influence, action };

const std::vector<ActorCategory>& all_categories();
const std::vector<Actant>& all_actants();  // none first
const std::vector<Stance>& all_stances();

std::string category_name(ActorCategory c);
std::optional<ActorCategory> parse_category(const std::string& s);
std::string category_label(ActorCategory c);  // "Élu·e", "Agent", "État territorial"…
bool is_fantastique(ActorCategory c);          // one of the four

std::string actant_name(Actant a);  // "" for none
std::optional<Actant> parse_actant(const std::string& s);  // "" -> none; unknown -> nullopt
std::string actant_label(Actant a);        // "Destinateur", "Adjuvants"…
std::string actant_definition(Actant a);   // the seed's legend, one sentence

std::string stance_name(Stance s);
std::optional<Stance> parse_stance(const std::string& s);
std::string stance_label(Stance s);

std::string link_kind_name(LinkKind k);
std::optional<LinkKind> parse_link_kind(const std::string& s);
std::string link_kind_label(LinkKind k);  // "a une influence sur…", "chaîne des actions"

// The four categories every project must name, in the seed's order, that none of the given
// actors has yet (empty: the table is complete).
std::vector<ActorCategory> missing_fantastiques(const std::vector<ActorCategory>& present);

inline constexpr std::size_t max_actor_name_chars = 200;
inline constexpr std::size_t max_actor_notes_chars = 4000;
inline constexpr int max_link_step = 99;

}  // namespace ateliers::projects
