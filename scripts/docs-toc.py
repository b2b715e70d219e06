#!/usr/bin/env python3
"""Rewrites the **Contents** list at the top of every docs/*.md page from its ## and ### headings."""
import pathlib, re

def slug(heading):
    return re.sub(r'[^\w\- ]', '', heading.strip().lower()).replace(' ', '-')

for page in sorted(pathlib.Path(__file__).resolve().parent.parent.joinpath('docs').glob('*.md')):
    lines = page.read_text().split('\n')
    if '**Contents**' not in lines:
        continue
    start = lines.index('**Contents**') + 2
    end = start
    while end < len(lines) and (lines[end].startswith('- ') or lines[end].startswith('  -')):
        end += 1
    toc, fenced = [], False
    for line in lines[end:]:
        if line.startswith('```'):
            fenced = not fenced
        m = re.match(r'^(#{2,3}) (.*)', line)
        if m and not fenced:
            toc.append('  ' * (len(m.group(1)) - 2) + f'- [{m.group(2)}](#{slug(m.group(2))})')
    lines[start:end] = toc
    page.write_text('\n'.join(lines))
