
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'error.auth-required': `You have been signed out. Sign in again to continue.`,
'error.bad-response': `The server gave an unexpected answer. Try again in a while.`,
'error.conflict': `Someone else has changed the case. Reload it and try again.`,
'error.conflict.assignee': str`The case is already being handled by ${0} (${1}).`,
'error.forbidden': `You are not allowed to do this.`,
'error.network': `Could not reach the server. Check your connection and try again.`,
'error.network.outcome-unknown': `The server's reply never arrived, so it is unclear whether the change was saved. Try again.`,
'error.not-found': `The conversation or file does not exist, or you do not have access to it.`,
'error.server': `Something went wrong on our side. Try again in a while.`,
'error.too-large': `The file is too large to send.`,
'error.unsupported-type': `This file type cannot be sent.`,
'error.validation': `The details could not be accepted. Check them and try again.`,
'personnummer.checksum': `The personal identity number is not correct. Check the digits.`,
'personnummer.date': `The personal identity number does not contain a valid date.`,
'personnummer.format': `Write the personal identity number with ten or twelve digits, for example 19121212-1212.`,
'status.answered': `Answered`,
'status.closed': `Closed`,
'status.new': `New message`,
'status.reply-received': `Reply received`,
'status.sent': `Sent`,
'validation.attachment.empty': `The file is empty.`,
'validation.attachment.mime-mismatch': str`The file is not a real ${0} file. Allowed file types: ${1}.`,
'validation.attachment.no-extension': str`The file has no file extension. Allowed file types: ${0}.`,
'validation.attachment.none-allowed': `You cannot attach files.`,
'validation.attachment.too-large': str`The file is too large. It may be at most ${0}.`,
'validation.attachment.too-many.one': `You can attach at most 1 file.`,
'validation.attachment.too-many.other': str`You can attach at most ${0} files.`,
'validation.attachment.type': str`The file type ${0} is not allowed. Allowed file types: ${1}.`,
'validation.body.required': `Write a message.`,
'validation.body.too-long': str`The message may be at most ${0} characters long.`,
'validation.message-number': `The message number must be five digits, for example 69743.`,
'validation.user-id': `Enter the case handler's user id with four letters and two digits, for example ABCD01.`,
    };
  