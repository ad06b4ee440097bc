// Statements typeset as PDF: A4, DejaVu Sans, a detail table that breaks
// across pages with its header repeated, page numbers. The renderer lays out
// a Statement's blocks with the words letter_words gives them, and knows
// nothing of how its amounts were computed nor of what a letter says.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "present/statement.hpp"

namespace citfee {

// One statement as the bytes of a PDF file. The same statement gives the same
// bytes: the document's dates are the statement's.
std::string statement_pdf(const Statement& statement);

// Several statements in one PDF, for printing: each begins on a new page and
// numbers its pages on its own.
std::string combined_pdf(const std::vector<Statement>& statements, const std::string& title);

// How many texts a run laid out, and how many it drew from layouts it had
// already made.
struct TypesetCounts {
  std::size_t made = 0;
  std::size_t reused = 0;
};

// The PDFs of a run: one per statement, in order, then the combined one (of
// them all, titled `combined_title`); the same bytes statement_pdf and
// combined_pdf give. Fonts are set up once per thread rather than once per
// document, the statements are spread over up to `threads` threads (0: one
// per processor, at most 4), and each is typeset once: the combined document
// is drawn from the statements' pages as typeset for their own PDFs. The
// layouts made are added to `counts` when given.
std::vector<std::string> statement_pdfs(const std::vector<Statement>& statements,
                                        const std::string& combined_title, unsigned threads = 0,
                                        TypesetCounts* counts = nullptr);

// How many pages a statement takes.
int statement_pages(const Statement& statement);

}  // namespace citfee
