/**
 * The server's RE2 engine for matchers (core/matchers.ts), in place before any configuration or
 * command line is read: the server parses rules synchronously and never waits for it.
 */
import { RE2JS } from 're2js';
import { installRegexEngine } from '../core/matchers';

installRegexEngine(RE2JS);
