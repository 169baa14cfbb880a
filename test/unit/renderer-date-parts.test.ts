import { describe, expect, it } from 'vitest';
import {
  dateErrors,
  dateProblem,
  isRealDateValue,
  partsOf,
  spreadDate,
  valueOfParts,
} from '../../renderer/src/lib/date-parts';

const value = (day: string, month: string, year: string) => valueOfParts({ day, month, year });

describe('a date typed as day, month and year', () => {
  it('becomes an ISO date once the three boxes make a real date, with or without leading zeros', () => {
    expect(value('31', '1', '2027')).toBe('2027-01-31');
    expect(value('01', '02', '2027')).toBe('2027-02-01');
    expect(value(' 9 ', 'Sep', '2027')).toBe('2027-09-09');
    expect(value('29', 'february', '2028')).toBe('2028-02-29');
    expect(isRealDateValue('2027-01-31')).toBe(true);
  });

  it('is empty when all three boxes are, and otherwise keeps what was typed without calling it a date', () => {
    expect(value('', '', '')).toBe('');
    expect(value('31', '1', '')).toBe('31/1/');
    expect(value('31', '2', '2027')).toBe('31/2/2027');
    expect(isRealDateValue('31/2/2027')).toBe(false);
    expect(partsOf('31/1/')).toEqual({ day: '31', month: '1', year: '' });
    expect(partsOf('2027-01-31')).toEqual({ day: '31', month: '1', year: '2027' });
  });

  it('never turns 31012027 into a date in the year 12027: typed whole, it is spread over the boxes', () => {
    expect(spreadDate('31012027')).toEqual({ day: '31', month: '01', year: '2027' });
    expect(spreadDate('31/1/2027')).toEqual({ day: '31', month: '1', year: '2027' });
    expect(spreadDate('31-01-2027')).toEqual({ day: '31', month: '01', year: '2027' });
    expect(spreadDate('31 Jan 2027')).toEqual({ day: '31', month: 'Jan', year: '2027' });
    expect(spreadDate('31')).toBeNull();
    expect(value('31', '01', '12027')).not.toMatch(/^\d{5}-/);
  });

  it('says which part is missing, as GOV.UK words it', () => {
    expect(dateProblem('31/1/', 'Due date')).toEqual({
      message: 'Due date must include a year',
      parts: ['year'],
    });
    expect(dateProblem('/1/2027', 'Due date')?.message).toBe('Due date must include a day');
    expect(dateProblem('//2027', 'Due date')).toEqual({
      message: 'Due date must include a day and month',
      parts: ['day', 'month'],
    });
  });

  it('says when it is not a real date, and marks only the boxes at fault', () => {
    expect(dateProblem('31/2/2027', 'Due date')).toEqual({
      message: 'Due date must be a real date',
      parts: ['day', 'month', 'year'],
    });
    expect(dateProblem('31/13/2027', 'Due date')).toEqual({
      message: 'Due date must be a real date',
      parts: ['month'],
    });
    expect(dateProblem('31/1/12027', 'Due date')).toEqual({
      message: 'Year must include 4 numbers',
      parts: ['year'],
    });
    expect(dateProblem('31/1/27', 'Due date')?.message).toBe('Year must include 4 numbers');
  });

  it('asks for an empty date only when it is required', () => {
    expect(dateProblem('', 'Due date')).toBeNull();
    expect(
      dateProblem('', 'Date consent was given', { required: 'Enter the date consent was given' })?.message,
    ).toBe('Enter the date consent was given');
    expect(dateProblem('2027-01-31', 'Due date')).toBeNull();
  });

  it('lists a form’s date errors by field for its error summary', () => {
    expect(
      dateErrors([
        { field: 'from', value: '2027-01-01', name: 'The start' },
        { field: 'to', value: '1/1/', name: 'The end' },
      ]),
    ).toEqual([{ field: 'to', message: 'The end must include a year' }]);
  });
});
