// What is not the article: class and id words, and the short lines every site repeats, in several languages, without touching real sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentHint, endsLikeSentence, furnitureWord, isBoilerplateLine } from '../../core/capture/boilerplate.ts';

test('furniture words are whole parts of a class or id, across dashes, underscores and camelCase', () => {
  assert.equal(furnitureWord('article__share-bar'), 'share');
  assert.equal(furnitureWord('relatedStories'), 'related');
  assert.equal(furnitureWord('c-newsletter_signup'), 'newsletter');
  assert.equal(furnitureWord('widget most-read'), 'widget');
  assert.equal(furnitureWord('box most-read'), 'most-read');
  assert.equal(furnitureWord('sr-only'), 'sr-only');
  // Words that only contain a furniture word are not it.
  for (const value of ['shareholder-report', 'thread', 'advantage', 'header-image', 'menuiserie', 'address', null])
    assert.equal(furnitureWord(value), null, String(value));
  // A hidden label is not a hidden element: "field--label-hidden" names the label.
  assert.equal(furnitureWord('field field--label-hidden'), null);
});

test('content hints name the article body, not sidebars that hold content', () => {
  for (const value of ['article-body', 'articleBody', 'entry-content', 'post__content', 'story-body', 'main-content'])
    assert.ok(contentHint(value), value);
  for (const value of ['sidebar-content', 'comment-text', 'related-posts-content', 'content', null])
    assert.ok(!contentHint(value), String(value));
});

test('boilerplate lines in English, German, French, Spanish, Portuguese, Russian and Arabic', () => {
  for (const line of [
    'Share this article',
    'Read more:',
    'Read also: Floods close the valley road',
    'Advertisement',
    '© 2024 Northgate Courier. All rights reserved.',
    'Follow us on Twitter and Facebook',
    'Was this article helpful?',
    'Lesen Sie auch: Streik bei den Busfahrern',
    'Diesen Artikel teilen',
    '(Alle Angaben ohne Gewähr)',
    'Anzeige',
    'Aktualisiert: 11.04.2020, 10:27',
    'Donnerstag, 31. Mai 2012',
    'À lire aussi : la crue de la Varna',
    'Lea también: El gobierno anuncia nuevas medidas',
    'Leia mais: Chuvas fecham estradas',
    'Читайте также: Наводнение в долине',
    'اقرأ أيضا: فيضانات في الوادي',
    '4 min read',
    'Photo: Katja Brenner',
    'Powered by SmartAsset.com',
    '2 hours ago',
    'vor 3 Stunden',
    'il y a 5 minutes',
  ])
    assert.ok(isBoilerplateLine(line), line);
});

test('sentences that mention sharing, reading, photos or dates stay', () => {
  for (const line of [
    'Share prices fell 3% on Monday after the announcement.',
    'Readers who want more detail can read the full report, published by the ministry on Tuesday.',
    'The photo, taken on 31 May 2012, shows the convoy at the border.',
    'Updated figures from the health office put the toll at 27.',
    'Advertising revenue fell by a third last year, the company said.',
    'Copyright holders filed 12 complaints.',
    'Powered by donations, the clinic treated 400 patients last year.',
    'Two hours ago, the convoy crossed the border.',
  ])
    assert.ok(!isBoilerplateLine(line), line);
});

test('a sentence ends with a stop, a question or an exclamation, quotes and brackets after it allowed', () => {
  for (const text of [
    'The talks resume Monday.',
    'Who gave the order?',
    '“We will not leave.”',
    '(See the map.)',
    '停火协议已签署。',
  ])
    assert.ok(endsLikeSentence(text), text);
  for (const text of ['Related posts', 'Tags: floods, Karovsk', 'Weitere Informationen', 'Read more:'])
    assert.ok(!endsLikeSentence(text), text);
});
