import type { ScopeCategory } from '../policy-schema';
import { containsPhrase, wordTokens } from './text-tokens';

export interface ScopeSuggestion {
  categoryId: string;
  label: string;
  inScope: boolean;
  score: number;
  /** The category's keywords found in the text, in the category's order. */
  matched: string[];
}

/** A phrase is stronger evidence than a lone word ('corrupt table' vs 'table'). */
const WORD_WEIGHT = 1;
const PHRASE_WEIGHT = 2;

/**
 * Categories whose keywords occur in a ticket's text, best first. Only a suggestion: the engineer
 * picks the category. Equal scores keep the policy's category order so the list never flickers.
 */
export function suggestScopeCategories(categories: readonly ScopeCategory[], text: string, limit = 3): ScopeSuggestion[] {
  const tokens = wordTokens(text);
  if (tokens.length === 0 || limit <= 0) return [];
  const ranked = categories
    .map((category, order) => ({ suggestion: scoreCategory(category, tokens), order }))
    .filter(({ suggestion }) => suggestion.score > 0)
    .sort((a, b) => b.suggestion.score - a.suggestion.score || a.order - b.order);
  return ranked.slice(0, limit).map(({ suggestion }) => suggestion);
}

function scoreCategory(category: ScopeCategory, tokens: readonly string[]): ScopeSuggestion {
  let score = 0;
  const matched: string[] = [];
  for (const keyword of new Set(category.keywords)) {
    const phrase = wordTokens(keyword);
    if (!containsPhrase(tokens, phrase)) continue;
    matched.push(keyword);
    score += phrase.length > 1 ? PHRASE_WEIGHT : WORD_WEIGHT;
  }
  return { categoryId: category.id, label: category.label, inScope: category.inScope, score, matched };
}
