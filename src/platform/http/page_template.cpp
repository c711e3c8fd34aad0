#include "platform/http/page_template.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

#include "platform/core/html_escape.hpp"

namespace ateliers::web {

namespace {

using Node = PageTemplate::Node;
using json = nlohmann::json;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::vector<std::string> split_name(std::string_view name) {
    if (name == ".") return {};
    std::vector<std::string> path;
    std::size_t from = 0;
    for (;;) {
        const auto dot = name.find('.', from);
        path.emplace_back(name.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from));
        if (dot == std::string_view::npos) return path;
        from = dot + 1;
    }
}

std::size_t newline_length(std::string_view text, std::size_t at) {
    if (text[at] == '\n') return 1;
    if (text[at] == '\r') return at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
    return 0;
}

struct Parser {
    std::string_view input;
    std::size_t text_size = 0;
    // The open sections, innermost last; the first entry is the template itself.
    std::vector<Node> open{Node{}};
    std::string text;

    void flush_text() {
        if (text.empty()) return;
        text_size += text.size();
        open.back().children.push_back(Node{Node::Kind::text, std::move(text), {}, {}});
        text.clear();
    }

    Status tag(std::size_t& at) {
        const auto start = at;
        std::size_t contents_from = at + 2;
        const bool triple = start != input.size() - 2 && input[contents_from] == '{';
        if (triple) ++contents_from;
        const auto end = input.find(triple ? "}}}" : "}}", contents_from);
        if (end == std::string_view::npos) return fail("balise non fermée à la position " + std::to_string(start));
        at = end + (triple ? 3 : 2);
        const auto contents = trimmed(input.substr(contents_from, end - contents_from));
        if (triple) return variable(Node::Kind::raw, contents);
        if (contents.empty()) return variable(Node::Kind::escaped, contents);
        const auto name = trimmed(contents.substr(1));
        switch (contents.front()) {
            case '!': return Done{};
            case '&': return variable(Node::Kind::raw, name);
            case '#': return open_section(Node::Kind::section, name);
            case '^': return open_section(Node::Kind::inverted, name);
            case '/': return close_section(name, start);
            case '>': return fail("les partials ne sont pas utilisés ici");
            case '=': return fail("le changement de délimiteurs n'est pas utilisé ici");
            default: return variable(Node::Kind::escaped, contents);
        }
    }

    Status variable(Node::Kind kind, std::string_view name) {
        open.back().children.push_back(Node{kind, std::string(name), split_name(name), {}});
        return Done{};
    }

    Status open_section(Node::Kind kind, std::string_view name) {
        open.push_back(Node{kind, std::string(name), split_name(name), {}});
        return Done{};
    }

    Status close_section(std::string_view name, std::size_t at) {
        if (open.size() == 1)
            return fail("section « " + std::string(name) + " » fermée sans avoir été ouverte, position " +
                        std::to_string(at));
        if (open.back().text != name)
            return fail("section « " + open.back().text + " » non fermée (« " + std::string(name) +
                        " » fermée à la position " + std::to_string(at) + ")");
        auto section = std::move(open.back());
        open.pop_back();
        open.back().children.push_back(std::move(section));
        return Done{};
    }

    Result<std::vector<Node>> run() {
        for (std::size_t at = 0; at < input.size();) {
            if (input.compare(at, 2, "{{") == 0) {
                flush_text();
                if (auto r = tag(at); !r) return r.failure();
            } else if (const auto n = newline_length(input, at)) {
                flush_text();
                open.back().children.push_back(Node{Node::Kind::newline, std::string(input.substr(at, n)), {}, {}});
                text_size += n;
                at += n;
            } else {
                text.push_back(input[at++]);
            }
        }
        flush_text();
        if (open.size() > 1) return fail("section « " + open.back().text + " » non fermée");
        return std::move(open.front().children);
    }
};

// Renders into one string; `line_start` and `line_had_section` implement kainjow's
// rule for the lines of section tags.
class Renderer {
public:
    explicit Renderer(std::vector<const json*> scopes, std::size_t expected_size) : scopes_(std::move(scopes)) {
        out_.reserve(expected_size);
    }

    void walk(const std::vector<Node>& nodes) {
        for (const auto& node : nodes) switch (node.kind) {
                case Node::Kind::text: out_.append(node.text); break;
                case Node::Kind::newline: end_line(node.text); break;
                case Node::Kind::escaped: write(lookup(node.path), true); break;
                case Node::Kind::raw: write(lookup(node.path), false); break;
                case Node::Kind::section: section(node); break;
                case Node::Kind::inverted: inverted(node); break;
            }
    }

    std::string finish() {
        if (line_had_section_ && only_blanks_since(line_start_)) out_.resize(line_start_);
        return std::move(out_);
    }

private:
    static bool is_false(const json* v) {
        return v->is_null() || (v->is_boolean() && !v->get<bool>()) || (v->is_array() && v->empty());
    }

    const json* lookup(const std::vector<std::string>& path) const {
        if (path.empty()) return scopes_.back();
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            const json* v = *scope;
            for (const auto& name : path) {
                if (!v->is_object()) {
                    v = nullptr;
                    break;
                }
                const auto it = v->find(name);
                v = it == v->end() ? nullptr : &*it;
                if (!v) break;
            }
            if (v) return v;
        }
        return nullptr;
    }

    void write(const json* v, bool escaped) {
        if (!v) return;
        if (v->is_string()) {
            const auto& s = v->get_ref<const std::string&>();
            if (escaped)
                text::append_escaped_html(out_, s);
            else
                out_.append(s);
        } else if (v->is_number_integer()) {
            out_.append(std::to_string(v->get<long long>()));
        } else if (v->is_number_float()) {
            out_.append(v->dump());
        }
    }

    // A missing name (inverted section) enters no scope, as in kainjow.
    void enter(const json* scope, const std::vector<Node>& children) {
        line_had_section_ = true;
        if (scope) scopes_.push_back(scope);
        walk(children);
        if (scope) scopes_.pop_back();
        line_had_section_ = true;
    }

    void section(const Node& node) {
        const json* v = lookup(node.path);
        if (!v || is_false(v)) return;
        if (v->is_array())
            for (const auto& item : *v) enter(&item, node.children);
        else
            enter(v, node.children);
    }

    void inverted(const Node& node) {
        const json* v = lookup(node.path);
        if (v && !is_false(v)) return;
        enter(v, node.children);
    }

    void end_line(const std::string& newline) {
        if (line_had_section_ && only_blanks_since(line_start_))
            out_.resize(line_start_);
        else
            out_.append(newline);
        line_start_ = out_.size();
        line_had_section_ = false;
    }

    bool only_blanks_since(std::size_t from) const {
        for (auto i = from; i < out_.size(); ++i)
            if (out_[i] != ' ' && out_[i] != '\t') return false;
        return true;
    }

    std::vector<const json*> scopes_;
    std::string out_;
    std::size_t line_start_ = 0;
    bool line_had_section_ = false;
};

}  // namespace

Result<PageTemplate> PageTemplate::parse(std::string_view text) {
    Parser parser;
    parser.input = text;
    auto nodes = parser.run();
    if (!nodes) return nodes.failure();
    return PageTemplate(std::move(nodes.value()), parser.text_size);
}

std::string PageTemplate::render(const std::vector<const nlohmann::json*>& scopes) const {
    Renderer renderer(scopes, text_size_ + text_size_ / 2 + 256);
    renderer.walk(nodes_);
    return renderer.finish();
}

}  // namespace ateliers::web
