#include "present/statement.hpp"

#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"

namespace citfee {

std::string file_name_problem(std::string_view entity_id) {
  if (entity_id.empty()) return "it is empty";
  if (entity_id.front() == '.') return "it begins with \".\", which would make a hidden file";
  if (entity_id.front() == '-')
    return "it begins with \"-\", which commands would take for an option (rm *, lp *)";
  // A name of a file is at most 255 bytes, and the letter adds its period.
  if (entity_id.size() > kMaxIdInFileName)
    return fmt::format("it is longer than {} bytes, too long for a file name", kMaxIdInFileName);
  for (char c : entity_id) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\')
      return fmt::format("it holds \"{}\", which separates directories", c);
    if (u < 0x20 || u == 0x7f) return "it holds a control character";
  }
  // A right-to-left override turns "017001-2027.pdf" into what it is not in
  // a file manager, and a zero-width space makes two names look one.
  if (const std::optional<HiddenChar> hidden = find_hidden(entity_id)) {
    return fmt::format("it holds {}, which does not show in a file name",
                       code_point_name(hidden->code));
  }
  return "";
}

namespace statement_parts {

Statement base(const Entity& entity, const StatementSettings& settings) {
  Statement s;
  s.issuer = settings.issuer;
  s.recipient = {entity.name, entity.id, entity.tax_code, entity.pec};
  s.date = settings.date;
  s.draft = settings.draft;
  return s;
}

std::string payment_reason(const std::string& text) {
  static constexpr std::string_view kAllowed = "/-?:().,'+ ";
  std::string out;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += alnum || kAllowed.find(c) != std::string_view::npos ? c : '-';
  }
  return out;
}

}  // namespace statement_parts

}  // namespace citfee
