// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { typingInto } from './keys';

describe('typingInto', () => {
  it('is true in text fields, selects, editable text and dialogs, false elsewhere', () => {
    const add = (tag: string, parent: Element = document.body, id?: string) => {
      const el = document.createElement(tag);
      if (id) el.id = id;
      parent.append(el);
      return el;
    };
    add('input', document.body, 'i');
    add('textarea', document.body, 't');
    add('select', document.body, 's');
    const editable = add('div');
    editable.setAttribute('contenteditable', 'true');
    add('span', editable, 'e');
    const dialog = add('dialog');
    dialog.setAttribute('open', '');
    add('button', dialog, 'd');
    add('button', add('article'), 'b');
    const at = (id: string) => document.getElementById(id);
    expect(['i', 't', 's', 'e', 'd'].map((id) => typingInto(at(id)))).toEqual([true, true, true, true, true]);
    expect(typingInto(at('b'))).toBe(false);
    expect(typingInto(document.body)).toBe(false);
    expect(typingInto(null)).toBe(false);
  });
});
