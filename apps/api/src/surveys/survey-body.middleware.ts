import { Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The survey page's form (urlencoded) or a JSON answer; small bodies only. */
@Injectable()
export class SurveyBodyMiddleware implements NestMiddleware {
  private readonly form = express.urlencoded({ extended: false, limit: '16kb' });
  private readonly json = express.json({ limit: '16kb' });

  use(req: Request, res: Response, next: NextFunction): void {
    this.form(req, res, (error?: unknown) => (error ? next(error) : this.json(req, res, next)));
  }
}
