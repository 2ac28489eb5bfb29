import { Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { bodyProblem } from '../http/problem';

/** The survey page's form (urlencoded) or a JSON answer; small bodies only. */
@Injectable()
export class SurveyBodyMiddleware implements NestMiddleware {
  private readonly form = express.urlencoded({ extended: false, limit: '16kb' });
  private readonly json = express.json({ limit: '16kb' });

  use(req: Request, res: Response, next: NextFunction): void {
    const done = (error?: unknown) => next(error === undefined ? undefined : bodyProblem(error));
    this.form(req, res, (error?: unknown) => (error ? done(error) : this.json(req, res, done)));
  }
}
